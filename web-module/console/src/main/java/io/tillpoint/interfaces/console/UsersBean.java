package io.tillpoint.interfaces.console;

import io.tillpoint.application.ConsoleUsers;
import io.tillpoint.domain.model.console.ConsoleRole;
import io.tillpoint.domain.model.console.SignInOrigin;
import io.tillpoint.domain.model.merchant.ConsoleUser;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/** Console users and roles (admins only): add, change a role, disable or enable, unlock, set a password; new-address sign-ins. */
@Named("users")
@ViewScoped
public class UsersBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ConsoleUsers users;

    @Inject
    ConsoleSession console;

    @Inject
    Feedback feedback;

    private String username;
    private String displayName;
    private String role = "support";
    private String password;

    public List<ConsoleUser> getAll() {
        return users.list(console.caller());
    }

    public List<SignInOrigin> getNewAddresses() {
        return users.recentNewAddresses(console.caller(), 20);
    }

    public List<String> getRoles() {
        return Arrays.stream(ConsoleRole.values()).map(ConsoleRole::wire).toList();
    }

    public void create() {
        if (feedback.attempt(() -> users.create(console.caller(), username, displayName, ConsoleRole.ofWire(role),
                password)) != null) {
            feedback.info("users.created", username);
            username = displayName = password = null;
        }
        password = null;
    }

    public void changeRole(String name, String newRole) {
        if (feedback.attempt(() -> users.changeRole(console.caller(), name, ConsoleRole.ofWire(newRole))) != null) {
            feedback.info("users.changed", name);
        }
    }

    public void enable(String name, boolean on) {
        if (feedback.attempt(() -> users.enable(console.caller(), name, on)) != null) {
            feedback.info("users.changed", name);
        }
    }

    public void unlock(String name) {
        if (feedback.attempt(() -> users.unlock(console.caller(), name)) != null) {
            feedback.info("users.changed", name);
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
