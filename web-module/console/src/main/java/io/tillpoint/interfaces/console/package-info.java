/**
 * The back-office console: Faces views and their backing beans, which translate between pages and
 * the application services (no business rule here), the console's own form sign-in, the language
 * switch and the same-origin guard.
 */
package io.tillpoint.interfaces.console;
