package io.tributary.events;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The published language is read by every service and by consumers we do not know: it may use the JDK, Jackson's
 * annotations and Axon's serialization (revisions, upcasters), and nothing of Spring, Axon's runtime, Kafka or
 * the stores, so that depending on it never pulls a framework into a reader.
 */
@AnalyzeClasses(packages = "io.tributary.events", importOptions = ImportOption.DoNotIncludeTests.class)
class PublishedLanguageArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnlyOnTheJdkJacksonAndAxonSerialization = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "io.tributary.events..", "java..", "com.fasterxml.jackson..", "org.axonframework.serialization..");
}
