package app.rundun.contracts.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiExceptionTest {

  @ParameterizedTest(name = "{0} is answered {2} {1}")
  @CsvSource({
    "401, unauthorized, 401",
    "403, forbidden, 403",
    "404, not_found, 404",
    "405, invalid_request, 405",
    "413, invalid_request, 413",
    "429, rate_limited, 429",
    "431, invalid_request, 431",
    "400, invalid_request, 400",
    "418, invalid_request, 418",
    "503, unavailable, 503",
    "500, internal_error, 500",
    "502, internal_error, 500",
    "200, invalid_request, 400"
  })
  void aBareStatusIsAnsweredWithTheCatalogsCodeAndAStatusThatIsAnError(
      int status, String code, int answered) {
    ApiException refusal = ApiException.forStatus(status);

    assertThat(refusal.code().code()).isEqualTo(code);
    assertThat(refusal.status()).isEqualTo(answered);
    assertThat(refusal.getMessage()).isNotBlank().doesNotContain("Exception");
  }
}
