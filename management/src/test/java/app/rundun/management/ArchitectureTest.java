package app.rundun.management;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apache.catalina.valves.ErrorReportValve;
import org.junit.jupiter.api.Test;

/**
 * What every service adds for operating it (probes, metrics, traces, request ids, their port's
 * security and error bodies): it knows no service, no Kafka and of the contracts only the error
 * catalog, and shows the services its auto-configuration, its settings and the request id.
 */
class ArchitectureTest {

  private final JavaClasses management =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("app.rundun.management");

  @Test
  void ofTheContractsManagementKnowsOnlyTheErrorCatalog() {
    noClasses()
        .should()
        .dependOnClassesThat(
            resideInAPackage("app.rundun.contracts..")
                .and(not(resideInAPackage("app.rundun.contracts.errors.."))))
        .check(management);
  }

  @Test
  void managementKnowsNoServiceAndNoKafka() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "app.rundun.ingest..",
            "app.rundun.processor..",
            "app.rundun.webhooks..",
            "app.rundun.launcher..",
            "org.apache.kafka..")
        .check(management);
  }

  /** Tomcat makes its error report valve by class name, so that one must be public too. */
  @Test
  void onlyTheAutoConfigurationItsSettingsAndTheRequestIdArePublic() {
    classes()
        .that()
        .haveModifier(JavaModifier.PUBLIC)
        .should()
        .haveSimpleName("ManagementAutoConfiguration")
        .orShould()
        .haveSimpleName("MetricsAccess")
        .orShould()
        .haveSimpleName("RequestIds")
        .orShould()
        .beAssignableTo(ErrorReportValve.class)
        .check(management);
  }
}
