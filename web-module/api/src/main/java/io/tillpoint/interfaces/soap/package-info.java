/**
 * The SOAP 1.1 payments endpoint at /soap/payments (the hand-written WSDL in WEB-INF/wsdl): reads the
 * XML into the REST API's request shapes, calls the same application services, answers the REST
 * objects as XML and the REST problems as typed faults. No business rules here.
 */
package io.tillpoint.interfaces.soap;
