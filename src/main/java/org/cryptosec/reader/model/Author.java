package org.cryptosec.reader.model;

/**
 * A person who writes articles. One row per person across feeds: {@code id} is 0 until stored.
 * {@code avatarUrl} is the source URL of the avatar; its bytes live in the image store.
 */
public record Author(long id, String name, String bio, String url, String avatarUrl) {

    public static Author named(String name) {
        return new Author(0, name, null, null, null);
    }

    public Author withId(long newId) {
        return new Author(newId, name, bio, url, avatarUrl);
    }

    public Author withBio(String newBio) {
        return new Author(id, name, newBio, url, avatarUrl);
    }
}
