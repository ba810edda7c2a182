/**
 * The ORM arm: the layouts mapped in Hibernate ORM the way a Java developer would map them, each mapping a small
 * entity class or two, over the tables the tool already creates (Hibernate validates them and never generates
 * them), and the workloads done through each mapping ({@link dev.userbench.orm.HibernateAccess}).
 *
 * <p>No bytecode enhancement: a {@code @OneToOne} on the side without the foreign key cannot be lazy without it, and
 * that trap ({@link dev.userbench.orm.Mapping#ONE_TO_ONE_INVERSE}) is what the arm shows a team.
 */
package dev.userbench.orm;
