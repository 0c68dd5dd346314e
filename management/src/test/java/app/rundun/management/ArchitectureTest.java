package app.rundun.management;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * What every service adds for operating it (probes, metrics, traces, their port's security): it
 * knows no service and no Kafka, and shows them only its auto-configuration and its settings.
 */
class ArchitectureTest {

  private final JavaClasses management =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("app.rundun.management");

  @Test
  void managementKnowsNoServiceAndNoKafka() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "app.rundun.contracts..",
            "app.rundun.ingest..",
            "app.rundun.processor..",
            "app.rundun.webhooks..",
            "app.rundun.launcher..",
            "org.apache.kafka..")
        .check(management);
  }

  @Test
  void onlyTheAutoConfigurationAndItsSettingsArePublic() {
    classes()
        .that()
        .haveModifier(JavaModifier.PUBLIC)
        .should()
        .haveSimpleName("ManagementAutoConfiguration")
        .orShould()
        .haveSimpleName("MetricsAccess")
        .check(management);
  }
}
