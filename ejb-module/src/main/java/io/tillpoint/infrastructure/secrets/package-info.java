/** Where secrets the gateway generates for its operator are handed over: the data folder. */
package io.tillpoint.infrastructure.secrets;
