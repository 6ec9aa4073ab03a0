package footprint.model;

/** What the optimiser pursues. */
public enum Objective {
    /** Maximise the net present value of the group's share of profit; lost sales only lose margin. */
    NPV,
    /** Minimise the present value of cost, serving all demand or paying the penalty per lost sale. */
    COST
}
