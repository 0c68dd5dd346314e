// Verifies deliveries with the npm standardwebhooks package: argv[2] is a JSON file of
// {secrets: [...], deliveries: [{body, headers}]}; prints, per delivery, the secrets that verify it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(process.env.STANDARDWEBHOOKS_HOME + "/");
const { Webhook } = require("standardwebhooks");
const { secrets, deliveries } = JSON.parse(readFileSync(process.argv[2], "utf8"));
const verdicts = deliveries.map(({ body, headers }) =>
  secrets.filter((secret) => {
    try {
      new Webhook(secret).verify(body, headers);
      return true;
    } catch {
      return false;
    }
  }),
);
console.log(JSON.stringify(verdicts));
