package org.takedown.notification.service;

/**
 * What one attempt came to: success, the receiver's response code where there is one, the error in words, and
 * whether the failure is permanent (no retry can help, such as a deleted subscription).
 */
public record DeliveryResult(boolean delivered, boolean permanent, Integer responseCode, String error) {

    public static DeliveryResult ok(Integer responseCode) {
        return new DeliveryResult(true, false, responseCode, null);
    }

    public static DeliveryResult failed(Integer responseCode, String error) {
        return new DeliveryResult(false, false, responseCode, clip(error));
    }

    public static DeliveryResult permanentFailure(String error) {
        return new DeliveryResult(false, true, null, clip(error));
    }

    private static String clip(String error) {
        String message = error == null ? "unknown error" : error;
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }
}
