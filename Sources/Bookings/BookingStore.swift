//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Domain

/// Where bookings live. The SQLite implementation (`SQLiteBookingStore`) serves one process; a
/// PostgreSQL implementation can serve several API instances by running `change` in a
/// serializable transaction.
///
/// Invariant: every decision that takes a limited resource — a seat or wheelchair place in a
/// vehicle's route, a volunteer's ride, kilometres of a budget — is made inside `update`, one
/// transaction that also writes the result, so concurrent requests cannot both take the last one.
public protocol BookingStore: Sendable {
    /// Registers travellers with their yearly km budgets, in one transaction; one already known
    /// keeps the store's budget (the live one from then on).
    func registerTravellers(_ travellers: [(id: TravellerID, kmBudget: Double)]) throws
    func setBudget(traveller: TravellerID, km: Double) throws
    /// Kilometres left, or `nil` for an unknown traveller.
    func budget(traveller: TravellerID) throws -> Double?

    func save(_ offer: Offer) throws
    func offer(id: String) throws -> Offer?

    /// Creates a NEW booking from an offer, or returns the booking made before with the same
    /// idempotency key (`created` false).
    func createBooking(from offer: Offer, idempotencyKey: String, now: Int64) throws -> (BookingDetails, created: Bool)
    /// As `createBooking`, and in the same transaction runs `change` on a new booking (e.g. the
    /// commit); `saveOffer` stores the offer first. One transaction instead of three.
    ///
    /// `fingerprint` says what the request asked (its offer and options): a repeated key with
    /// another fingerprint throws `DeskError.idempotencyKeyReused` instead of answering with the
    /// first booking. Bookings made before fingerprints were kept match any.
    func createBooking(
        from offer: Offer, saveOffer: Bool, idempotencyKey: String, fingerprint: String, now: Int64,
        then change: (inout BookingDetails, any BookingTransaction) throws -> Void
    ) throws -> (BookingDetails, created: Bool)
    func booking(id: BookingID) throws -> BookingDetails?
    /// Bookings by pickup time, optionally of one traveller and/or one travel date.
    func bookings(traveller: TravellerID?, date: String?) throws -> [BookingDetails]
    /// The booking that owns a leg.
    func bookingId(ofLeg legId: LegID) throws -> BookingID?
    /// Legs of on-demand services waiting for a volunteer, by deadline.
    func pendingVolunteerLegs() throws -> [BookedLeg]
    /// Bookings with a volunteer answer due at or before `now`.
    func bookingsWithDeadline(before now: Int64) throws -> [BookingID]
    /// On-demand legs of a travel date in the given states.
    func legs(on date: String, states: Set<BookingState>) throws -> [BookedLeg]
    func bookingCount() throws -> Int
    /// The booking made with an idempotency key, if any.
    func booking(idempotencyKey: String) throws -> BookingDetails?

    /// Stores a new standing order (numbered by the store) or a changed one (same id).
    func save(_ order: StandingOrder) throws -> StandingOrder
    func standingOrder(id: StandingOrderID) throws -> StandingOrder?
    /// Standing orders by id, optionally of one traveller.
    func standingOrders(traveller: TravellerID?) throws -> [StandingOrder]

    /// Runs `body` in one read transaction (only the transaction's reads may be used).
    func read<T>(_ body: (any BookingTransaction) throws -> T) throws -> T

    /// Runs `change` on a booking and its legs in one write transaction and stores the result.
    func update<T>(bookingId: BookingID, _ change: (inout BookingDetails, any BookingTransaction) throws -> T) throws -> (BookingDetails, T)
}

/// What a change may read and write besides its own booking, inside the same transaction.
public protocol BookingTransaction {
    func kmBudgetLeft(traveller: TravellerID) throws -> Double
    /// Adds `km` (negative: takes) to a traveller's budget.
    func adjustBudget(traveller: TravellerID, by km: Double) throws
    /// Legs by id (in any order; unknown ids are left out).
    func legs(ids: [LegID]) throws -> [BookedLeg]
    /// The version of a travel date's routes: changes with every `setRoute` of that date, 0
    /// before the first.
    func dayPlanVersion(date: String) throws -> Int64
    /// The traveller's PENDING or CONFIRMED bookings, other than `excluding`, whose trip
    /// (departure to arrival, Unix seconds) overlaps `from ..< to`.
    func activeBookings(traveller: TravellerID, overlapping from: Int64, _ to: Int64, excluding: BookingID) throws -> [Booking]
    /// Confirmed AutoMaatje legs of a volunteer between two travel dates (inclusive).
    func volunteerLegs(volunteer: VolunteerID, from: String, through: String) throws -> [BookedLeg]
    /// The stops of every vehicle route of a day, by shift.
    func routes(date: String) throws -> [ShiftID: [RouteStop]]
    func setRoute(date: String, shift: ShiftID, stops: [RouteStop]) throws
}

/// Why a store operation failed (not a refusal of the domain: those are states with reasons).
public enum BookingStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    case bookingNotFound(id: BookingID)
    case offerNotFound(id: String)
    case travellerNotFound(id: TravellerID)
    case standingOrderNotFound(id: StandingOrderID)

    public var description: String {
        switch self {
        case .bookingNotFound(let id): "no booking \(id)"
        case .offerNotFound(let id): "no offer '\(id)'"
        case .travellerNotFound(let id): "no traveller '\(id)'"
        case .standingOrderNotFound(let id): "no standing order \(id)"
        }
    }
}
