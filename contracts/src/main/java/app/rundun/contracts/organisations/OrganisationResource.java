package app.rundun.contracts.organisations;

import java.time.Instant;
import java.util.List;

/** An organisation as the operator API shows it. */
public record OrganisationResource(
    OrgId organisationId,
    String name,
    Plan plan,
    Instant createdAt,
    List<ApiKeyResource> apiKeys) {}
