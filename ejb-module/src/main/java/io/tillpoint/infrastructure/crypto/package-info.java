/** Keys kept in the data folder, secret hashing, card fingerprints and JWT signing. */
package io.tillpoint.infrastructure.crypto;
