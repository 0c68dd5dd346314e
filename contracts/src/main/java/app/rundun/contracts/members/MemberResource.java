package app.rundun.contracts.members;

import java.time.Instant;

/** A member as the integrator sees it; never the password hash. */
public record MemberResource(
    String userId, String name, String email, MemberStatus status, Instant createdAt) {}
