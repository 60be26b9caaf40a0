package vn.baovetreem.interventions;

import java.math.BigDecimal;

/**
 * The groups of Decree 20/2021/NĐ-CP Art. 5 that bring a child a monthly social allowance, with
 * the coefficients of Art. 6; some depend on the child's age in the month paid. A person in
 * several groups receives only the highest coefficient (Art. 6(2)): record that group.
 */
public enum AllowanceGroup {
    /** Art. 5(1): under 16 with no means of support; 2.5 under age 4, 1.5 from 4. */
    NO_MEANS_OF_SUPPORT("2.5", "1.5", 4),
    /** Art. 5(2): from 16 to 22 and still studying. */
    STUDYING_AFTER_16("1.5", "1.5", 0),
    /** Art. 5(3): with HIV/AIDS in a poor household; 2.5 under age 4, 2.0 from 4. */
    HIV_POOR_HOUSEHOLD("2.5", "2.0", 4),
    /** Art. 5(4): child of a poor or near-poor single parent (the benefit is per child). */
    CHILD_OF_SINGLE_POOR_PARENT("1.0", "1.0", 0),
    /** Art. 5(6): especially severe disability. */
    DISABILITY_ESPECIALLY_SEVERE("2.5", "2.5", 0),
    /** Art. 5(6): severe disability. */
    DISABILITY_SEVERE("2.0", "2.0", 0),
    /** Art. 5(7): under 3, poor or near-poor household in an especially disadvantaged area. */
    UNDER_3_DISADVANTAGED_AREA("1.5", "1.5", 0);

    private final BigDecimal young;
    private final BigDecimal older;
    private final int ageThreshold;

    AllowanceGroup(String young, String older, int ageThreshold) {
        this.young = new BigDecimal(young);
        this.older = new BigDecimal(older);
        this.ageThreshold = ageThreshold;
    }

    /** The coefficient for a child of {@code age} whole years. */
    BigDecimal coefficient(int age) {
        return age < ageThreshold ? young : older;
    }
}
