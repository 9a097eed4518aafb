/** Load generator: measures the gateway from outside, over HTTP. */
package io.tillpoint.testbed.bench;
