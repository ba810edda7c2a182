package dev.userbench.model;

/** The study's three roles; {@link #MEMBER} is the default a new user gets. */
public enum UserRole {
    GUEST, MEMBER, ADMIN;

    public static final UserRole DEFAULT = MEMBER;
}
