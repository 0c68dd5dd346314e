package app.rundun.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.rundun.contracts.errors.ApiException;
import org.junit.jupiter.api.function.ThrowingSupplier;

/** For request-parsing tests: what a refused call names as the field at fault. */
public final class Refusals {

  private Refusals() {}

  /** The {@code param} of the 400 the call is refused with; fails when it is not refused so. */
  public static String paramOf(ThrowingSupplier<?> call) {
    ApiException refusal =
        catchThrowableOfType(
            ApiException.class,
            () -> {
              try {
                call.get();
              } catch (ApiException e) {
                throw e;
              } catch (Throwable e) {
                throw new AssertionError(e);
              }
            });
    assertThat(refusal).as("refused").isNotNull();
    assertThat(refusal.code().status()).isEqualTo(400);
    return refusal.param();
  }
}
