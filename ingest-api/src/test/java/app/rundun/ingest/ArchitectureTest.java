package app.rundun.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The ingest-api's boundaries: thin controllers, Kafka in one place, no run state. */
class ArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("app.rundun.ingest");

  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching("app.rundun.ingest.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void endpointsTalkToKafkaOnlyThroughTheCommandBus() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "..runs..",
            "..executor..",
            "..templates..",
            "..usage..",
            "..admin..",
            "..media..",
            "..members..",
            "..link..",
            "..webhooks..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
        .check(classes);
  }

  @Test
  void theApiHoldsNoStreamState() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.kafka.streams..")
        .check(classes);
  }
}
