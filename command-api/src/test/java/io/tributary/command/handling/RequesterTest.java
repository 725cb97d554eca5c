package io.tributary.command.handling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequesterTest {

    @Test
    void aCustomerActsOnlyForThemselves() {
        Requester ada = Requester.customer("ada");

        assertThat(ada.mayActFor("ada")).isTrue();
        assertThat(ada.mayActFor("grace")).isFalse();
        assertThat(ada.mayActFor("ADA")).as("subjects are compared exactly").isFalse();
    }

    @Test
    void whatNobodyOwnsIsTheAdminsAlone() {
        assertThat(Requester.customer("ada").mayActFor(null)).isFalse();
        assertThat(Requester.anonymous().mayActFor(null)).isFalse();
        assertThat(Requester.admin("operator").mayActFor(null)).isTrue();
    }

    @Test
    void anAdminActsForAnyone() {
        assertThat(Requester.admin("operator").mayActFor("ada")).isTrue();
    }

    @Test
    void anAnonymousRequesterActsForNobody() {
        assertThat(Requester.anonymous().mayActFor("ada")).isFalse();
        assertThat(Requester.anonymous().subject()).isNull();
    }
}
