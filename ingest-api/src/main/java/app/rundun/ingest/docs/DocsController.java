package app.rundun.ingest.docs;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /docs}: browse {@code /v1/openapi.yaml}. */
@Controller
class DocsController {

  @GetMapping({"/docs", "/docs/"})
  String docs() {
    return "redirect:/docs/index.html";
  }
}
