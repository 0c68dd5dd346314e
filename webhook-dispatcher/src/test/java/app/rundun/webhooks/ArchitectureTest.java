package app.rundun.webhooks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dispatcher's boundaries: the loop owns Kafka, delivery owns HTTP to the receivers. */
class ArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("app.rundun.webhooks");

  @Test
  void onlyTheDispatchLoopTalksToKafka() {
    noClasses()
        .that()
        .resideInAPackage("..delivery..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
        .check(classes);
  }

  @Test
  void deliveryDoesNotKnowTheLoop() {
    noClasses()
        .that()
        .resideInAPackage("..delivery..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..dispatch..")
        .check(classes);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("app.rundun.webhooks.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theDispatcherHoldsNoStreamState() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.kafka.streams..")
        .check(classes);
  }
}
