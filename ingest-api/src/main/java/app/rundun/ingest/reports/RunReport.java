package app.rundun.ingest.reports;

import app.rundun.contracts.runs.AnswerResource;
import app.rundun.contracts.runs.ExecutorIdentity;
import app.rundun.contracts.runs.PhotoResource;
import app.rundun.contracts.runs.RunResource;
import app.rundun.contracts.templates.Step;
import app.rundun.contracts.templates.TemplateResource;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

/**
 * The report of one run: its template and version, who did it and when, then every step in order
 * with its answer, location and photos (downscaled, each with its SHA-256), and a digital signature
 * over the whole file. Pages and pictures go to temporary files as they are made, and photos are
 * read one at a time, so memory stays bounded however many photos a run has.
 */
final class RunReport {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final ReportSigner signer;
  private final ReportPhotos photos;
  private final Clock clock;

  RunReport(ReportSigner signer, ReportPhotos photos, Clock clock) {
    this.signer = signer;
    this.photos = photos;
    this.clock = clock;
  }

  /** Writes the signed report of {@code run}, dispatched with {@code version}, to {@code out}. */
  void write(RunResource run, TemplateResource version, OutputStream out) throws IOException {
    Path unsigned = Files.createTempFile("rundun-report-", ".pdf");
    try {
      try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(version.name() + " — " + run.runId().value());
        info.setCreator("Rundun");
        try (ReportLayout layout =
            new ReportLayout(document, "Rundun run report · " + run.runId().value())) {
          summary(layout, run, version);
          for (Step step : version.steps()) {
            step(layout, run, step);
          }
          layout.space(12);
          layout.paragraph(
              "Signed digitally by "
                  + signer.signerName()
                  + ". Any change to this file invalidates the signature.",
              ReportLayout.REGULAR,
              8);
        }
        document.save(unsigned.toFile());
      }
      sign(unsigned, run, out);
    } finally {
      Files.deleteIfExists(unsigned);
    }
  }

  private void sign(Path unsigned, RunResource run, OutputStream out) throws IOException {
    try (PDDocument document =
            Loader.loadPDF(unsigned.toFile(), IOUtils.createTempFileOnlyStreamCache());
        SignatureOptions options = new SignatureOptions()) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
      signature.setName(signer.signerName());
      signature.setReason("Report of run " + run.runId().value());
      Calendar now = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ENGLISH);
      now.setTimeInMillis(clock.millis());
      signature.setSignDate(now);
      options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2);
      document.addSignature(signature, signer, options);
      document.saveIncremental(out);
    }
  }

  private static void summary(ReportLayout layout, RunResource run, TemplateResource version)
      throws IOException {
    layout.paragraph("Run report", ReportLayout.REGULAR, 10);
    layout.heading(version.name(), 18);
    line(layout, "Template", run.templateId().value() + ", version " + run.templateV());
    line(layout, "Run", run.runId().value());
    line(layout, "Status", run.status().wire().replace('_', ' '));
    line(layout, "Executor", identity(run.executorIdentity()));
    if (run.executorRef() != null) {
      line(layout, "Reference", run.executorRef());
    }
    line(layout, "Dispatched", time(run.createdAt()));
    if (run.completedAt() != null) {
      line(layout, "Completed", time(run.completedAt()));
    }
    if (run.expiresAt() != null) {
      line(layout, "Link expires", time(run.expiresAt()));
    }
    line(
        layout,
        "Progress",
        run.progress().answered()
            + " of "
            + run.progress().total()
            + " answered, "
            + run.progress().skipped()
            + " skipped");
    for (Map.Entry<String, String> entry : run.metadata().entries().entrySet()) {
      line(layout, entry.getKey(), entry.getValue());
    }
  }

  private void step(ReportLayout layout, RunResource run, Step step) throws IOException {
    if (!step.answerable()) {
      return;
    }
    layout.heading(step.title(), 12);
    AnswerResource answer = run.answers().get(step.id());
    if (answer == null) {
      layout.paragraph(
          run.skippedSteps().contains(step.id())
              ? "Skipped"
              : run.hiddenSteps().contains(step.id())
                  ? "Not asked: its condition was not met"
                  : "Not answered",
          ReportLayout.REGULAR,
          10);
      return;
    }
    layout.paragraph(StepAnswers.text(step, answer.value()), ReportLayout.REGULAR, 11);
    if (Boolean.TRUE.equals(answer.prefilled())) {
      layout.paragraph(
          Boolean.TRUE.equals(answer.locked())
              ? "Given by the integrator; the executor could not change it"
              : "Given by the integrator; the executor kept it",
          ReportLayout.REGULAR,
          9);
    }
    layout.paragraph(
        "Answered " + time(answer.at()) + (answer.by() == null ? "" : " by " + answer.by()),
        ReportLayout.REGULAR,
        9);
    if (answer.geo() != null) {
      layout.paragraph(
          String.format(
              Locale.ROOT,
              "Location %.5f, %.5f%s",
              answer.geo().lat(),
              answer.geo().lng(),
              answer.geo().accuracyM() == null
                  ? ""
                  : String.format(Locale.ROOT, " (accurate to %.0f m)", answer.geo().accuracyM())),
          ReportLayout.REGULAR,
          9);
    }
    for (PhotoResource photo : answer.photos()) {
      Optional<BufferedImage> image = photos.downscaled(run.runId(), step.id(), photo);
      if (image.isPresent()) {
        layout.picture(image.get(), 240);
      } else {
        layout.paragraph("(" + photo.contentType() + ", not shown)", ReportLayout.REGULAR, 9);
      }
      layout.paragraph(
          "Photo " + (photo.photoIndex() + 1) + " · SHA-256 " + photo.sha256(),
          ReportLayout.MONO,
          7);
    }
  }

  private static void line(ReportLayout layout, String label, String value) throws IOException {
    layout.paragraph(label + ": " + value, ReportLayout.REGULAR, 10);
  }

  private static String identity(ExecutorIdentity who) {
    return switch (who.mode()) {
      case "external" ->
          who.name() == null ? "an outsider, not yet named" : who.name() + " <" + who.email() + ">";
      case "member" -> who.userId() == null ? "a member, not yet known" : "member " + who.userId();
      default -> "anonymous";
    };
  }

  private static String time(Instant at) {
    return at == null ? "—" : TIME.format(at);
  }
}
