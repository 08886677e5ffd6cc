// ResultCode/ResultMessage pairs the emulator produces (MANGOPAY's 6-digit codes, §2.5).
export const RESULT = {
  SUCCESS: ["000000", "Success"],
  INSUFFICIENT_BALANCE: ["001001", "Unsufficient wallet balance"],
  ALREADY_REFUNDED: ["001401", "Transaction has already been successfully refunded"],
  REFUND_TOO_HIGH: ["005403", "The refund cannot exceed initial transaction amount"],
  REFUND_FEES_TOO_HIGH: ["005404", "The refunded fees cannot exceed initial fee amounts"],
  DD_INSUFFICIENT_FUNDS: ["001830", "Insufficient funds on the debited bank account"],
  DO_NOT_HONOR: ["101101", "Transaction refused by the bank (Do not honor)"],
  AMOUNT_LIMIT: ["101102", "Transaction refused by the bank (Amount limit)"],
  TERMINAL_REFUSED: ["101103", "Transaction refused by the terminal"],
  CARD_LIMIT: ["101104", "Transaction refused by the bank (card limit reached)"],
  CARD_EXPIRED: ["101105", "The card has expired"],
  BANKWIRE_EXPIRED: ["101109", "The payment period has expired"],
  THREE_DS_FAILED: ["101301", "Secure mode: 3DSecure authentication has failed"],
  CARD_INACTIVE: ["101410", "The card is not active"],
  CARD_NUMBER_INVALID: ["105202", "Card number: invalid format"],
  CARD_EXPIRY_INVALID: ["105203", "Expiry date: missing or invalid format"],
  CARD_CVV_INVALID: ["105204", "CVV: missing or invalid format"],
  TOKEN_INVALID: ["105206", "The card registration data is invalid"],
  PAYOUT_REFUSED: ["121001", "The bank wire has been refused"],
  USER_CANCELED: ["001031", "User canceled the payment"],
  APM_REFUSED: ["101199", "Transaction refused by the payment method"],
  GENERIC: ["001999", "Generic Operation error"],
  SCA_FAILED: ["007101", "Transfer authentication failed. Please retry with a new request."],
  SCA_EXPIRED: ["007102", "Transfer authentication expired. Please initiate a new request."],
} as const;

export type ResultKey = keyof typeof RESULT;
