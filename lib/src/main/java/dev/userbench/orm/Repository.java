package dev.userbench.orm;

import dev.userbench.model.User;
import org.hibernate.Session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The workloads' operations as an application writes them through one mapping, inside a transaction the caller
 * opens: queries in HQL, writes by changing a loaded entity and letting dirty checking flush it at commit.
 */
public interface Repository {

    /** Finds the user by email and returns the uid (the rest of what the mapping loads is loaded too). */
    UUID login(Session session, String email);

    /** The login, then {@code lastActive = now} on the loaded entity, written by dirty checking. */
    void touch(Session session, String email, Instant now);

    /** The whole user by uid. */
    User view(Session session, UUID uid);

    /** Sets bio and location on the user found by uid. */
    void edit(Session session, UUID uid, String bio, String location);

    /** Persists a new user. */
    void signup(Session session, User user);

    /** Every user, for the data check through the ORM. */
    List<User> all(Session session);

    /**
     * The last_active a login sets: {@code now}, or a second later when it already holds {@code now} (the same user
     * logged in twice within a second, which a zipfian load does often and real users seldom). Dirty checking would
     * send no update for an unchanged value where plain JDBC always writes; this keeps every touch a write on both.
     */
    static Instant touched(Instant stored, Instant now) {
        return now.equals(stored) ? now.plusSeconds(1) : now;
    }

    static <T> T found(T entity, Object key) {
        if (entity == null) {
            throw new IllegalStateException("the ORM found no user for " + key
                    + ": the tables do not hold the seeded users");
        }
        return entity;
    }

    /**
     * {@code entity} on the monolith and {@code secondary_table} on the split: one entity with every column, loaded
     * whole and, on a change, written by dirty checking; the tables it spans are the mapping's business.
     */
    final class Whole<T extends WholeUser> implements Repository {
        private final Class<T> type;
        private final Function<User, T> create;

        Whole(Class<T> type, Function<User, T> create) {
            this.type = type;
            this.create = create;
        }

        @Override
        public UUID login(Session session, String email) {
            return byEmail(session, email).getUid();
        }

        private T byEmail(Session session, String email) {
            return found(session.createSelectionQuery("from " + type.getSimpleName() + " where email = :email", type)
                    .setParameter("email", email).getSingleResultOrNull(), email);
        }

        @Override
        public void touch(Session session, String email, Instant now) {
            T user = byEmail(session, email);
            user.setLastActive(touched(user.getLastActive(), now));
        }

        @Override
        public User view(Session session, UUID uid) {
            return found(session.find(type, uid), uid).toUser();
        }

        @Override
        public void edit(Session session, UUID uid, String bio, String location) {
            T user = found(session.find(type, uid), uid);
            user.setBio(bio);
            user.setLocation(location);
        }

        @Override
        public void signup(Session session, User user) {
            session.persist(create.apply(user));
        }

        @Override
        public List<User> all(Session session) {
            return session.createSelectionQuery("from " + type.getSimpleName(), type).getResultList().stream()
                    .map(WholeUser::toUser).toList();
        }
    }

    /** {@code one_to_one}: the auth entity alone for a login, the profile owning the shared key. */
    final class OneToOne implements Repository {
        @Override
        public UUID login(Session session, String email) {
            return byEmail(session, email).getUid();
        }

        private static AuthUser byEmail(Session session, String email) {
            return found(session.createSelectionQuery("from AuthUser where email = :email", AuthUser.class)
                    .setParameter("email", email).getSingleResultOrNull(), email);
        }

        @Override
        public void touch(Session session, String email, Instant now) {
            AuthUser auth = byEmail(session, email);
            Profile profile = found(session.find(Profile.class, auth.getUid()), email);
            profile.setLastActive(touched(profile.getLastActive(), now));
        }

        @Override
        public User view(Session session, UUID uid) {
            return found(session.find(Profile.class, uid), uid).toUser();
        }

        @Override
        public void edit(Session session, UUID uid, String bio, String location) {
            Profile profile = found(session.find(Profile.class, uid), uid);
            profile.setBio(bio);
            profile.setLocation(location);
        }

        @Override
        public void signup(Session session, User user) {
            AuthUser auth = new AuthUser(user);
            session.persist(auth);
            session.persist(new Profile(auth, user));
        }

        @Override
        public List<User> all(Session session) {
            return session.createSelectionQuery("from Profile p join fetch p.auth", Profile.class).getResultList()
                    .stream().map(Profile::toUser).toList();
        }
    }

    /** {@code one_to_one_inverse}: the auth entity with its profile as a field, on the side without the key. */
    final class OneToOneInverse implements Repository {
        @Override
        public UUID login(Session session, String email) {
            return byEmail(session, email).getUid();
        }

        private static Account byEmail(Session session, String email) {
            return found(session.createSelectionQuery("from Account where email = :email", Account.class)
                    .setParameter("email", email).getSingleResultOrNull(), email);
        }

        @Override
        public void touch(Session session, String email, Instant now) {
            AccountProfile profile = byEmail(session, email).getProfile();
            profile.setLastActive(touched(profile.getLastActive(), now));
        }

        @Override
        public User view(Session session, UUID uid) {
            return found(session.find(Account.class, uid), uid).toUser();
        }

        @Override
        public void edit(Session session, UUID uid, String bio, String location) {
            AccountProfile profile = found(session.find(Account.class, uid), uid).getProfile();
            profile.setBio(bio);
            profile.setLocation(location);
        }

        @Override
        public void signup(Session session, User user) {
            Account account = new Account(user);
            session.persist(account);
            session.persist(account.getProfile());
        }

        @Override
        public List<User> all(Session session) {
            return session.createSelectionQuery("from Account a join fetch a.profile", Account.class).getResultList()
                    .stream().map(Account::toUser).toList();
        }
    }

    /**
     * {@code projection}: a login reads only the login columns into a {@link LoginView}, no entity, on the layout's
     * table of login columns; every other operation is the layout's plain entity mapping.
     */
    final class Projection implements Repository {
        private final Repository entities;
        private final String query;

        Projection(Repository entities, String entity) {
            this.entities = entities;
            this.query = "select new dev.userbench.orm.LoginView(u.uid, u.email, u.passwordHash, u.role, u.verified)"
                    + " from " + entity + " u where u.email = :email";
        }

        @Override
        public UUID login(Session session, String email) {
            return found(session.createSelectionQuery(query, LoginView.class).setParameter("email", email)
                    .getSingleResultOrNull(), email).uid();
        }

        @Override
        public void touch(Session session, String email, Instant now) {
            entities.touch(session, email, now);
        }

        @Override
        public User view(Session session, UUID uid) {
            return entities.view(session, uid);
        }

        @Override
        public void edit(Session session, UUID uid, String bio, String location) {
            entities.edit(session, uid, bio, location);
        }

        @Override
        public void signup(Session session, User user) {
            entities.signup(session, user);
        }

        @Override
        public List<User> all(Session session) {
            return entities.all(session);
        }
    }
}
