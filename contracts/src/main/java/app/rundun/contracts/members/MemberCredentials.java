package app.rundun.contracts.members;

/** What sign-in checks; only the run-processor's internal API hands it out, to the API. */
public record MemberCredentials(String userId, MemberStatus status, String passwordHash) {}
