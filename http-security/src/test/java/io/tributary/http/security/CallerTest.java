package io.tributary.http.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {

    @Test
    void aCustomerActsOnlyForThemselves() {
        Caller alice = Caller.withRoles("alice", Caller.CUSTOMER);

        assertThat(alice.mayActFor("alice")).isTrue();
        assertThat(alice.mayActFor("bob")).isFalse();
        assertThat(alice.mayActFor(null)).isFalse();
    }

    @Test
    void anAdminActsForAnyoneIncludingWhatNobodyOwns() {
        Caller root = Caller.withRoles("root", Caller.ADMIN);

        assertThat(root.mayActFor("alice")).isTrue();
        assertThat(root.mayActFor(null)).isTrue();
    }

    @Test
    void anAnonymousCallerActsForNobody() {
        assertThat(Caller.nobody().mayActFor(null)).isFalse();
        assertThat(Caller.nobody().mayActFor("alice")).isFalse();
        assertThat(Caller.nobody().anonymous()).isTrue();
    }
}
