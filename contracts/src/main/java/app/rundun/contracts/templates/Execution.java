package app.rundun.contracts.templates;

/** How runs of a template are executed. */
public record Execution(IdentityRequired identityRequired) {

  public static final Execution DEFAULT = new Execution(IdentityRequired.NONE);

  public Execution {
    identityRequired = identityRequired == null ? IdentityRequired.NONE : identityRequired;
  }
}
