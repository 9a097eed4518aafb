/** Settlement: fees, per-merchant and per-currency settlements of captures and refunds, their runs and payouts. */
package io.tillpoint.domain.model.settlement;
