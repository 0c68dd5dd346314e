/*
 * The app's side of the shared condition cases: the executor's phone must hide exactly the steps
 * the server hides. Run by AppConditionsTest with Node's own test runner; CASES is the file's path.
 */
"use strict";

const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const conditions = require(path.resolve(__dirname, "../../main/resources/static/app/conditions.js"));

const file = JSON.parse(fs.readFileSync(process.env.CASES, "utf8"));

for (const group of file.groups) {
  for (const example of group.cases) {
    test(group.name + ": " + example.name, () => {
      assert.deepStrictEqual(conditions.hidden(group.steps, example.answers), example.hidden);
    });
  }
}
