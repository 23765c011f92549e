package org.microneedling.fhir;

import java.util.List;

/** The code systems and value sets the FHIR adapters read and write. */
public final class FhirTerminology {

    /** HL7 v2 table 0136: Y and N. */
    public static final String YES_NO = "http://terminology.hl7.org/CodeSystem/v2-0136";
    public static final String YES = "Y";
    public static final String NO = "N";

    /** Data absent reasons: asked-unknown (asked, the patient does not know) and unknown. */
    public static final String DATA_ABSENT_REASON = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    public static final String ASKED_UNKNOWN = "asked-unknown";
    public static final String UNKNOWN = "unknown";

    /** Y, N and asked-unknown: the answers of every yes/no/unknown item. */
    public static final String YES_NO_DONT_KNOW = "http://hl7.org/fhir/ValueSet/yesnodontknow";

    /** The NCI Thesaurus URI that HL7 Terminology (THO) prefers, used when writing. */
    public static final String NCI_THESAURUS = "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl";

    /**
     * NCI Thesaurus URIs accepted when reading: the preferred one, its OID form, and the THO code
     * system URL that resources written before THO's 2022 change of preferred URI still carry.
     */
    public static final List<String> NCI_THESAURUS_ALIASES = List.of(NCI_THESAURUS,
            "urn:oid:2.16.840.1.113883.3.26.1.1", "http://terminology.hl7.org/CodeSystem/v3-nciThesaurus");

    /**
     * Fitzpatrick skin types I to VI in NCIt (DICOM CID 4401), in order; verified in the clinical
     * research notes, section 2b.
     */
    public static final List<String> FITZPATRICK_NCIT_CODES = List.of("C74569", "C74570", "C74571", "C74572",
            "C74573", "C74574");

    public static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
    public static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
    public static final String MAX_OCCURS = "http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs";
    public static final String ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
    public static final String ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control";

    private FhirTerminology() {
    }
}
