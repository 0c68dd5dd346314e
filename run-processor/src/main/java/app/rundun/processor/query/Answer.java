package app.rundun.processor.query;

import app.rundun.contracts.queries.StaleReads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;

/**
 * What an internal read answers: its status and JSON body, and whether it came from a copy that may
 * lag ({@link StaleReads#FLAG}). Written to the response as it is ({@link AnswerWriting}).
 */
record Answer(int status, boolean stale, byte[] json) {

  static Answer current(byte[] json) {
    return new Answer(HttpServletResponse.SC_OK, false, json);
  }

  static Answer fromCopy(byte[] json) {
    return new Answer(HttpServletResponse.SC_OK, true, json);
  }

  void writeTo(HttpServletResponse response) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    if (stale) {
      response.setHeader(StaleReads.FLAG, "true");
    }
    response.setContentLength(json.length);
    response.getOutputStream().write(json);
  }
}
