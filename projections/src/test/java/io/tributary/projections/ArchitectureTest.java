package io.tributary.projections;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The read side's structure: each feature (a view family or the notifications) stands alone on the shared
 * machinery (envelope, Kafka handling, view versions), which in turn knows no feature, so a new view is one new
 * package and the rebuild and check tooling work for every view alike.
 */
@AnalyzeClasses(packages = "io.tributary.projections", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FEATURES = {"..projections.user..", "..projections.product..",
            "..projections.order..", "..projections.notification.."};

    @ArchTest
    static final ArchRule featuresAreIndependent = SlicesRuleDefinition.slices()
            .matching("io.tributary.projections.(user|product|order|notification)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule theSharedMachineryKnowsNoFeature = noClasses()
            .that().resideInAnyPackage("..projections.view..", "..projections.kafka..", "..projections.envelope..",
                    "..projections.check..", "..projections.progress..", "..projections.redrive..",
                    "..projections.rebuild..", "..projections.cli..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES);

    @ArchTest
    static final ArchRule onlyTheNotificationsSendMail = noClasses()
            .that().resideOutsideOfPackage("..projections.notification..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.mail..", "jakarta.mail..");
}
