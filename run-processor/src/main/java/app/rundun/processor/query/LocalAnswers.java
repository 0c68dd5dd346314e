package app.rundun.processor.query;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.queries.StaleReads;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * How every internal read is answered: from this instance's store when it owns the key, else
 * forwarded once to the owner, else (when the caller accepts it) from a copy held here, flagged.
 */
@Component
class LocalAnswers {

  private final Owner owner;
  private final Forwarder forwarder;

  LocalAnswers(Owner owner, Forwarder forwarder) {
    this.owner = owner;
    this.forwarder = forwarder;
  }

  /**
   * Answers from this instance's store when it owns the key, or from the owner. When neither can
   * answer and the caller accepts it, a copy held here answers instead, flagged as possibly stale;
   * a copy that does not hold what was asked for says nothing (503) rather than "not found".
   */
  ResponseEntity<?> answer(
      String store, String routingKey, HttpServletRequest request, LocalRead read) {
    return answer(store, routingKey, request, null, read);
  }

  ResponseEntity<?> answer(
      String store, String routingKey, HttpServletRequest request, byte[] body, LocalRead read) {
    try {
      Owner.Located located = owner.locate(store, routingKey);
      if (located.isLocal()) {
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_JSON)
            .body(json(read, located));
      }
      return forwarder.forward(located.host(), request, body);
    } catch (ApiException e) {
      if (e.code() != ErrorCode.UNAVAILABLE
          || !"true".equals(request.getHeader(StaleReads.ACCEPT))) {
        throw e;
      }
      return fromLocalCopy(read, e);
    } catch (InvalidStateStoreException e) {
      throw Owner.unavailable();
    }
  }

  private ResponseEntity<?> fromLocalCopy(LocalRead read, ApiException ownerUnavailable) {
    try {
      byte[] found = json(read, owner.localCopies());
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_JSON)
          .header(StaleReads.FLAG, "true")
          .body(found);
    } catch (ApiException | InvalidStateStoreException e) {
      throw ownerUnavailable;
    }
  }

  /**
   * What was read, as JSON written once by the mapper the API reads it with; handing the object to
   * the web layer's converter cost a read of a run about a fifth of its time.
   */
  private static byte[] json(LocalRead read, Owner.Located located) {
    return Json.mapper().writeValueAsBytes(read.apply(located));
  }

  @FunctionalInterface
  interface LocalRead {
    Object apply(Owner.Located located);
  }
}
