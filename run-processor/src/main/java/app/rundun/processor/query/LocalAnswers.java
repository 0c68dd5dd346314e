package app.rundun.processor.query;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.queries.StaleReads;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
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
  Answer answer(String store, String routingKey, HttpServletRequest request, LocalRead read) {
    return answer(store, routingKey, request, null, read);
  }

  Answer answer(
      String store, String routingKey, HttpServletRequest request, byte[] body, LocalRead read) {
    try {
      Owner.Located located = owner.locate(store, routingKey);
      if (located.isLocal()) {
        return Answer.current(json(read, located));
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

  private Answer fromLocalCopy(LocalRead read, ApiException ownerUnavailable) {
    try {
      return Answer.fromCopy(json(read, owner.localCopies()));
    } catch (ApiException | InvalidStateStoreException e) {
      throw ownerUnavailable;
    }
  }

  /**
   * What was read, as JSON written once by the mapper the API reads it with (handing the object to
   * the web layer's converter cost a read of a run about a fifth of its time), or as it was found
   * when it was stored as JSON already.
   */
  private static byte[] json(LocalRead read, Owner.Located located) {
    Object found = read.apply(located);
    return found instanceof byte[] json ? json : Json.mapper().writeValueAsBytes(found);
  }

  @FunctionalInterface
  interface LocalRead {
    /** The answer: an object to write as JSON, or JSON already written ({@code byte[]}). */
    Object apply(Owner.Located located);
  }
}
