package app.rundun.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** What every service shares: plain values and rules, depending on no service and no framework. */
class ArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("app.rundun.contracts");

  @Test
  void contractsKnowNoService() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "app.rundun.ingest..",
            "app.rundun.processor..",
            "app.rundun.webhooks..",
            "app.rundun.launcher..")
        .check(classes);
  }

  @Test
  void contractsNeedNoSpringAndNoStreams() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "org.apache.kafka.streams..")
        .check(classes);
  }

  @Test
  void onlyTheTopicRegistryAndTheSerdesTouchKafka() {
    noClasses()
        .that()
        .resideOutsideOfPackages("..kafka..", "..json..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.kafka..")
        .check(classes);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("app.rundun.contracts.(*)..").should().beFreeOfCycles().check(classes);
  }
}
