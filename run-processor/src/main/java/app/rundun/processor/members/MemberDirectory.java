package app.rundun.processor.members;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.processor.stores.StoreBuilders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/** The members of each organisation, under {@code {org}/{user id}}; an email is used once. */
public final class MemberDirectory {

  public static final String STORE = "members-store";

  private final ReadOnlyKeyValueStore<String, Member> store;

  public MemberDirectory(ReadOnlyKeyValueStore<String, Member> store) {
    this.store = store;
  }

  public static StoreBuilder<?> storeBuilder() {
    return StoreBuilders.json(STORE, Member.class);
  }

  public Member invite(OrgId org, String userId, String name, String email, Instant now) {
    Member member = Member.invite(userId, name, email, now);
    if (byEmail(org, member.email()).isPresent()) {
      throw ApiException.conflict("A member with email " + member.email() + " exists already.");
    }
    return write(org, member);
  }

  public Member activate(OrgId org, String userId, String passwordHash) {
    return write(org, get(org, userId).activate(passwordHash));
  }

  public Member deactivate(OrgId org, String userId) {
    return write(org, get(org, userId).deactivate());
  }

  public Member get(OrgId org, String userId) {
    Member member = store.get(key(org, userId));
    if (member == null) {
      throw ApiException.notFound("member", userId);
    }
    return member;
  }

  /** The organisation's members, newest first (then by id), so that a page stays where it is. */
  public List<Member> list(OrgId org) {
    List<Member> members = new ArrayList<>();
    try (KeyValueIterator<String, Member> it =
        store.prefixScan(org.value() + "/", new StringSerializer())) {
      it.forEachRemaining(entry -> members.add(entry.value));
    }
    members.sort(Comparator.comparing(Member::createdAt).thenComparing(Member::userId).reversed());
    return members;
  }

  public Optional<Member> byEmail(OrgId org, String email) {
    String wanted = Member.normalised(email);
    return list(org).stream().filter(m -> m.email().equals(wanted)).findFirst();
  }

  private Member write(OrgId org, Member member) {
    if (!(store instanceof KeyValueStore<String, Member> writable)) {
      throw new IllegalStateException("Members are written by the stream task only.");
    }
    writable.put(key(org, member.userId()), member);
    return member;
  }

  private static String key(OrgId org, String userId) {
    return org.value() + "/" + userId;
  }
}
