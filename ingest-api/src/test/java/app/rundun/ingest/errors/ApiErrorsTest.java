package app.rundun.ingest.errors;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.rundun.contracts.json.Json;
import app.rundun.contracts.runs.RunId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Bad input becomes the spec's error body, naming the field, without a broker or a server. */
class ApiErrorsTest {

  private final MockMvc mvc = mvc();

  @Test
  void malformedJsonIsABadRequestWithoutAField() throws Exception {
    postBody("{\"name\": ")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("invalid_request"))
        .andExpect(jsonPath("$.message").value("The body is not valid JSON."))
        .andExpect(jsonPath("$.param").doesNotExist());
  }

  @Test
  void anUnknownFieldOrAWrongTypeIsNamedByItsPath() throws Exception {
    postBody("{\"name\":\"a\",\"count\":1,\"items\":[],\"colour\":\"red\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.param").value("colour"));
    postBody("{\"name\":\"a\",\"count\":\"1\",\"items\":[]}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.param").value("count"));
    postBody("{\"name\":\"a\",\"count\":1,\"items\":[{\"sku\":7}]}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.param").value("items[0].sku"));
  }

  @Test
  void aBodyThatIsNotAnObjectIsSaidSo() throws Exception {
    postBody("[1, 2]")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value("The body must be a JSON object."));
  }

  @Test
  void anIdInThePathThatNamesNothingIsNotFound() throws Exception {
    mvc.perform(get("/probe/runs/not-a-run"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.error").value("not_found"))
        .andExpect(jsonPath("$.message").value("No such run: not-a-run"));
    RunId run = RunId.mint();
    mvc.perform(get("/probe/runs/" + run.value()))
        .andExpect(status().isOk())
        .andExpect(content().string("\"" + run.value() + "\""));
  }

  @Test
  void aFaultOfOursIsA500WithoutATraceAndAClientGoneAwayGetsNothing() throws Exception {
    mvc.perform(get("/probe/fault"))
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.error").value("internal_error"))
        .andExpect(
            jsonPath("$.message").value("Something went wrong on our side; it has been logged."));
    mvc.perform(get("/probe/gone")).andExpect(content().string(""));
  }

  private org.springframework.test.web.servlet.ResultActions postBody(String json)
      throws Exception {
    return mvc.perform(post("/probe").contentType(MediaType.APPLICATION_JSON).content(json));
  }

  private static MockMvc mvc() {
    return MockMvcBuilders.standaloneSetup(new Probe())
        .setControllerAdvice(new ApiErrors())
        .setCustomArgumentResolvers(new PathIds())
        .setMessageConverters(new JacksonJsonHttpMessageConverter(Json.mapper()))
        .build();
  }

  /** Stands in for any endpoint: a typed body, and a run id in the path. */
  @RestController
  static class Probe {

    record Item(String sku) {}

    record Body(String name, int count, List<Item> items) {}

    @PostMapping("/probe")
    Body accept(@RequestBody Body body) {
      return body;
    }

    @GetMapping("/probe/fault")
    String fault() {
      throw new IllegalStateException("a bug of ours");
    }

    @GetMapping("/probe/gone")
    String gone() throws java.io.IOException {
      throw new java.io.IOException("Broken pipe");
    }

    @GetMapping("/probe/runs/{runId}")
    String run(RunId runId) {
      return runId.value();
    }
  }
}
