package org.cryptosec.reader.store;

import java.util.List;
import java.util.Optional;
import org.cryptosec.reader.model.Author;
import org.cryptosec.reader.model.AuthorCount;

public final class AuthorRepository {

    public AuthorRepository(Database db) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    /**
     * The same person is one row: matched by url, else by name (case and spacing ignored). Missing
     * bio/url/avatar are filled in; a longer bio replaces a shorter one. Returns the stored author.
     */
    public Author upsert(Author author) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public Optional<Author> get(long id) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public Optional<Author> findByName(String name) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    /** Every author with their article count, most articles first. */
    public List<AuthorCount> listWithCounts() { throw new UnsupportedOperationException("contract: not implemented yet"); }
}
