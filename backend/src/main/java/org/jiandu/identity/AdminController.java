package org.jiandu.identity;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jiandu.web.Page;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The admin API: organisations and user accounts (系统管理). */
@RestController
@RequestMapping("/api/admin")
@Roles(Role.ADMIN)
class AdminController {

    private final OrgAdmin orgAdmin;
    private final UserAdmin userAdmin;
    private final LoginLocks loginLocks;

    AdminController(OrgAdmin orgAdmin, UserAdmin userAdmin, LoginLocks loginLocks) {
        this.orgAdmin = orgAdmin;
        this.userAdmin = userAdmin;
        this.loginLocks = loginLocks;
    }

    @GetMapping("/orgs")
    List<OrgUnit> orgs() {
        return orgAdmin.all();
    }

    @GetMapping("/orgs/{code}")
    OrgUnit org(@PathVariable String code) {
        return orgAdmin.find(code);
    }

    @PostMapping("/orgs")
    @ResponseStatus(HttpStatus.CREATED)
    OrgUnit createOrg(@Valid @RequestBody CreateOrgRequest request) {
        return orgAdmin.create(new OrgAdmin.NewOrg(request.code(), request.name().strip(), request.kind(),
                request.adminLevel(), request.parentCode(), blankToNull(request.docAbbr())));
    }

    @PutMapping("/orgs/{code}")
    OrgUnit updateOrg(@PathVariable String code, @Valid @RequestBody UpdateOrgRequest request) {
        return orgAdmin.update(code, request.name().strip(), blankToNull(request.docAbbr()), request.enabled());
    }

    @GetMapping("/users")
    Page<UserAdmin.UserView> users(@RequestParam(required = false) String orgCode,
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
        return userAdmin.list(orgCode, page, size);
    }

    @GetMapping("/users/{userId}")
    UserAdmin.UserView user(@PathVariable String userId) {
        return userAdmin.view(userId);
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserAdmin.UserView createUser(@Valid @RequestBody CreateUserRequest request) {
        return userAdmin.create(new UserAdmin.NewUser(request.userId(), request.displayName().strip(),
                request.password(), request.orgCode(), UserAdmin.parseRoles(request.roles())));
    }

    @PutMapping("/users/{userId}/roles")
    UserAdmin.UserView changeRoles(@PathVariable String userId, @Valid @RequestBody RolesRequest request) {
        return userAdmin.changeRoles(userId, UserAdmin.parseRoles(request.roles()));
    }

    @PutMapping("/users/{userId}/org")
    UserAdmin.UserView moveToOrg(@PathVariable String userId, @Valid @RequestBody OrgRequest request) {
        return userAdmin.moveToOrg(userId, request.orgCode());
    }

    @PutMapping("/users/{userId}/profile")
    UserAdmin.UserView changeProfile(@PathVariable String userId, @Valid @RequestBody ProfileRequest request) {
        return userAdmin.changeProfile(userId, request.displayName().strip());
    }

    @PostMapping("/users/{userId}/disable")
    UserAdmin.UserView disable(@PathVariable String userId) {
        return userAdmin.setEnabled(userId, false);
    }

    @PostMapping("/users/{userId}/enable")
    UserAdmin.UserView enable(@PathVariable String userId) {
        return userAdmin.setEnabled(userId, true);
    }

    /** Ends a lock after too many wrong passwords before it runs out by itself. */
    @PostMapping("/users/{userId}/unlock")
    UserAdmin.UserView unlock(@PathVariable String userId) {
        userAdmin.view(userId);
        loginLocks.unlock(userId);
        return userAdmin.view(userId);
    }

    @PutMapping("/users/{userId}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable String userId, @Valid @RequestBody PasswordRequest request) {
        userAdmin.resetPassword(userId, request.password());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    record CreateOrgRequest(@NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{0,31}", message = "应为1-32位大写字母、数字、下划线或连字符") String code,
                            @NotBlank @Size(max = 100) String name,
                            @NotNull OrgKind kind,
                            @NotNull AdminLevel adminLevel,
                            String parentCode,
                            @Size(max = 32) String docAbbr) {
    }

    record UpdateOrgRequest(@NotBlank @Size(max = 100) String name, @Size(max = 32) String docAbbr,
                            @NotNull Boolean enabled) {
    }

    record CreateUserRequest(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_.-]{1,63}", message = "应为2-64位小写字母、数字、点、下划线或连字符") String userId,
                             @NotBlank @Size(max = 100) String displayName,
                             @NotBlank @Size(min = 8, max = 128, message = "长度应为8-128位") String password,
                             @NotBlank String orgCode,
                             @NotEmpty List<@NotBlank String> roles) {
    }

    record RolesRequest(@NotEmpty List<@NotBlank String> roles) {
    }

    record OrgRequest(@NotBlank String orgCode) {
    }

    record ProfileRequest(@NotBlank @Size(max = 100) String displayName) {
    }

    record PasswordRequest(@NotBlank @Size(min = 8, max = 128, message = "长度应为8-128位") String password) {
    }
}
