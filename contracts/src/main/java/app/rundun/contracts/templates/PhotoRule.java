package app.rundun.contracts.templates;

/** How many photos a step's answer takes. */
public record PhotoRule(int min, int max) {

  public static final int MAX_PHOTOS = 10;

  public static final PhotoRule NONE = new PhotoRule(0, 0);
}
