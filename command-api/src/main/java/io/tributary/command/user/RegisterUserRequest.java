package io.tributary.command.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record RegisterUserRequest(
        @NotBlank @Size(min = 2, max = 100) String name,
        @NotBlank @Email @Size(max = 254) String email) {

    RegisterUser toCommand(String userId) {
        return new RegisterUser(userId, name.strip(), email.strip());
    }
}
