package io.tributary.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The query side's structure: the user, product and order reads are independent (the order export is built on
 * the order reads), who-reads-what ({@code access}) knows no feature (the user reads tell it a user's owner),
 * HTTP stays in controllers and the HTTP edge, and controllers reach the stores only through the feature's query
 * classes, which carry the store guards and the near-cache.
 */
@AnalyzeClasses(packages = "io.tributary.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String USER = "..query.user..";
    private static final String PRODUCT = "..query.product..";
    private static final String ORDER = "..query.order..";

    @ArchTest
    static final ArchRule usersKnowNoOtherFeature = noClasses().that().resideInAPackage(USER)
            .should().dependOnClassesThat().resideInAnyPackage(PRODUCT, ORDER, "..query.export..");

    @ArchTest
    static final ArchRule productsKnowNoOtherFeature = noClasses().that().resideInAPackage(PRODUCT)
            .should().dependOnClassesThat().resideInAnyPackage(USER, ORDER, "..query.export..");

    @ArchTest
    static final ArchRule ordersKnowNoOtherFeature = noClasses().that().resideInAPackage(ORDER)
            .should().dependOnClassesThat().resideInAnyPackage(USER, PRODUCT, "..query.export..");

    @ArchTest
    static final ArchRule accessKnowsNoFeature = noClasses().that().resideInAPackage("..query.access..")
            .should().dependOnClassesThat().resideInAnyPackage(USER, PRODUCT, ORDER, "..query.export..");

    @ArchTest
    static final ArchRule webTypesStayInControllersAndTheHttpEdge = noClasses()
            .that().resideOutsideOfPackages("..query.http..", "..query.consistency..")
            .and().haveSimpleNameNotEndingWith("Controller")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule controllersNeverTouchAStoreDirectly = noClasses()
            .that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..", "co.elastic..");
}
