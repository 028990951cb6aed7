package dev.orderchainer.common.domain;

/** Well-formed input that cannot be used as given (for example a webhook Discord says does not exist). */
public class UnusableInputException extends DomainException {
    public UnusableInputException(String message) {
        super(message);
    }
}
