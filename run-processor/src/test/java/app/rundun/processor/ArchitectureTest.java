package app.rundun.processor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The run-processor's boundaries: features free of cycles, the topology free of Spring. */
class ArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("app.rundun.processor");

  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching("app.rundun.processor.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theTopologyAndItsStagesAreBuiltWithoutSpring() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "..topology..",
            "..runs..",
            "..runlist..",
            "..eventlog..",
            "..stats..",
            "..templates..",
            "..quota..",
            "..organisations..",
            "..stores..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework..")
        .check(classes);
  }

  @Test
  void onlyTheQueryFeatureServesHttp() {
    noClasses()
        .that()
        .resideOutsideOfPackages("..query..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework.web..")
        .check(classes);
  }
}
