package org.takedown.common.event;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

/** A person to tell, such as a customer's chief policy officer. */
public record Contact(@NotBlank String role, String name, @NotBlank @Email String email) {
}
