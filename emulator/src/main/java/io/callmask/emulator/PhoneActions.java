package io.callmask.emulator;

/** What a person can do with a phone in hand: answer, reject, hang up, press keys. */
final class PhoneActions {

    private final Switchboard board;

    PhoneActions(Switchboard board) {
        this.board = board;
    }

    void answer(VirtualPhone phone) {
        board.answer(ringingLeg(phone));
    }

    void reject(VirtualPhone phone) {
        board.end(ringingLeg(phone), CallStatus.BUSY);
    }

    void hangup(VirtualPhone phone) {
        Leg leg = currentLeg(phone);
        if (leg.status().beforeAnswer()) {
            // Rung phone declining, or a caller giving up before the other side answered.
            board.end(leg, leg.phone == phone && !Leg.INBOUND.equals(leg.direction) ? CallStatus.BUSY
                    : CallStatus.CANCELED);
        } else {
            board.end(leg, CallStatus.COMPLETED);
        }
    }

    void pressDigits(VirtualPhone phone, String digits) {
        if (digits == null || !digits.matches("[0-9*#]+")) {
            throw new BadRequestException("digits may hold only 0-9, * and #, was '" + digits + "'");
        }
        Leg leg = currentLeg(phone);
        if (leg.status() != CallStatus.IN_PROGRESS) {
            throw new ConflictException("the phone's call is not connected");
        }
        leg.pressDigits(digits);
    }

    private Leg ringingLeg(VirtualPhone phone) {
        VirtualPhone.Entry current = phone.current();
        if (current == null || !current.incoming() || current.leg().status() != CallStatus.RINGING) {
            throw new ConflictException("the phone is not ringing");
        }
        return current.leg();
    }

    private Leg currentLeg(VirtualPhone phone) {
        VirtualPhone.Entry current = phone.current();
        if (current == null) {
            throw new ConflictException("the phone is not in a call");
        }
        return current.leg();
    }

}
