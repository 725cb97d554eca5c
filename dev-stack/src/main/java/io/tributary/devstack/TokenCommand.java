package io.tributary.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./tributary token <username> <role>}: an access token of the local Keycloak for a user with that role,
 * printed alone on stdout ({@code TOKEN=$(./tributary token alice customer)}). The user is created in the
 * {@code tributary} realm if needed, with the user name as password like the demo users, and holds exactly the role
 * asked for of {@link #ROLES}.
 */
public final class TokenCommand {

    /** The realm roles of Tributary. */
    static final List<String> ROLES = List.of("customer", "admin");
    /** The public client of the realm that allows the password grant. */
    static final String CLI_CLIENT = "tributary-cli";

    private TokenCommand() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !ROLES.contains(args[1])) {
            System.err.println("usage: ./tributary token <username> " + String.join("|", ROLES));
            System.exit(2);
        }
        StackConfig config = StackConfig.local();
        String issuer = KeycloakServer.issuer(config.keycloakPort());
        if (!KeycloakServer.discoveryAnswers(issuer)) {
            System.err.println("Keycloak is not running at " + issuer + "; start it with ./tributary up (or ./tributary stack)");
            System.exit(1);
        }
        try {
            String adminPassword = Files.readString(KeycloakServer.adminPasswordFile(config.home())).strip();
            System.out.println(token(issuer, adminPassword, args[0], args[1]));
        } catch (IOException e) {
            System.err.println("cannot read the Keycloak admin password: " + e.getMessage());
            System.exit(1);
        } catch (StackException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** Creates or updates the user, then signs in as it through {@value #CLI_CLIENT}. */
    static String token(String issuer, String adminPassword, String username, String role) {
        KeycloakRealm realm = new KeycloakRealm(issuer);
        KeycloakRealm.Login user = new KeycloakRealm.Login(username, username);
        realm.ensureUser(new KeycloakRealm.Login(KeycloakServer.ADMIN_USER, adminPassword), user, role, ROLES);
        return realm.passwordGrant(CLI_CLIENT, user);
    }
}
