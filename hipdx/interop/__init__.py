"""Interoperability: FHIR R4 resources, CDS Hooks services and Bayesian-network export."""
