package io.jingsai.api.audit;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A chain's head: its length and the hash of its last entry. */
@Table("audit_chain")
record ChainRow(@Id Long id, String chain, long length, String headHash) {
}
